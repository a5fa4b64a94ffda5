import { z } from 'zod';
import { projectFileSchema } from './projectSchema';
import { taskFileSchema } from './taskSchema';

/** JSON Schemas for the YAML extension (completion, hover), generated from the same zod definitions. */
export function jsonSchemas(): Record<'task' | 'project', object> {
  const options = { io: 'input', unrepresentable: 'any', target: 'draft-7' } as const;
  return {
    task: { title: 'Nightshift task file (*.task.yaml)', ...z.toJSONSchema(taskFileSchema, options) },
    project: { title: 'Nightshift project file (nightshift.yaml)', ...z.toJSONSchema(projectFileSchema, options) },
  };
}
