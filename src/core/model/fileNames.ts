// The names that make a file a task or a project file: apart from the schemas, so that what only
// needs to recognise such files (the workspace scan's helper thread) does not load zod.

export const TASK_FILE_SUFFIX = '.task.yaml';

export const PROJECT_FILE_NAME = 'nightshift.yaml';
