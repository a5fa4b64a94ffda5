import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import { commonDependencies, dependencyText, type DependencySetting } from '../core/operations/dependencyOperation';
import { windowHoldsSeveral } from '../core/model/dependencyWindow';
import type { DependencyPolicy } from '../core/model/taskSchema';
import { dependencyPreview } from '../core/engine/dependencyPreview';
import { buildSchedulingGraph } from '../core/engine/schedulingGraph';
import { todayIn } from '../core/time/wallClock';
import type { Task } from '../core/workspace/workspaceModel';
import type { WorkspaceIndex } from '../core/workspace/workspaceIndex';

/** The console's dependency policies; a function, so that they read the language set at activation. */
const policies = (): { label: string; value: DependencyPolicy; detail: string }[] => [
  { label: l10n.t('All instances (全部实例)'), value: 'all', detail: l10n.t('every upstream instance of the window must succeed') },
  { label: l10n.t('First instance (第一个实例)'), value: 'first', detail: l10n.t('the window\'s first upstream instance') },
  { label: l10n.t('Last instance (最后一个实例)'), value: 'last', detail: l10n.t('the window\'s last upstream instance') },
  { label: l10n.t('Nearest at or after (向后最近一个实例)'), value: 'nearest-after', detail: l10n.t('the first upstream instance at or after this instance\'s time') },
  { label: l10n.t('Last at or before (向前最后一个实例)'), value: 'last-before', detail: l10n.t('the last upstream instance at or before this instance\'s time') },
];

/**
 * One dependency's settings, as the console's dependency dialog asks: the dependency cycle, and in a
 * Dataphin project its window (N days back, the last 24 hours) and the policy, offered only where the
 * window can hold several upstream instances.
 */
async function promptSetting(upstream: Task, downstream: readonly Task[], dataphin: boolean): Promise<DependencySetting | undefined> {
  const cycles = [
    { label: l10n.t('Same cycle (本周期)'), detail: l10n.t('the upstream instances of the same day'), value: 'same' as const },
    { label: l10n.t('Previous cycle (上周期)'), detail: l10n.t('the upstream\'s previous cycle'), value: 'previous' as const },
    ...(dataphin
      ? [
          { label: l10n.t('N days back…'), detail: l10n.t('the upstream instances of day D-N'), value: 'back' as const },
          { label: l10n.t('Last 24 hours (最近24小时)'), detail: l10n.t('the upstream instances of the 24 hours up to this instance\'s time'), value: 'last24h' as const },
        ]
      : []),
  ];
  const cycle = await vscode.window.showQuickPick(cycles, { title: l10n.t('Dependency cycle on {0}', upstream.data.name) });
  if (!cycle) return undefined;
  let daysBack: number | undefined;
  if (cycle.value === 'back') {
    const text = await vscode.window.showInputBox({ title: l10n.t('How many days back (N)'), value: '1', validateInput: (v) => (/^\d+$/.test(v) && +v >= 1 && +v <= 366 ? undefined : l10n.t('A whole number from 1 to 366')) });
    if (text === undefined) return undefined;
    daysBack = Number(text);
  }
  const setting: DependencySetting = { task: upstream.data.id, cycle: cycle.value === 'back' ? 'previous' : cycle.value, ...(daysBack !== undefined ? { daysBack } : {}) };
  // A policy is offered only where it chooses something, for every selected task.
  const several = downstream.every((t) => windowHoldsSeveral(upstream.data.schedule.cycle, t.data.schedule.cycle, setting));
  if (!dataphin || !several) return setting;
  const policy = await vscode.window.showQuickPick([{ label: l10n.t('Dataphin\'s default'), detail: l10n.t('nearest at or after on the same day; the last (self-dependent) or all on the previous day; all otherwise'), value: undefined }, ...policies()], {
    title: l10n.t('Dependency policy on {0}', upstream.data.name),
  });
  if (!policy) return undefined;
  return policy.value ? { ...setting, policy: policy.value } : setting;
}

/**
 * The dependency-cycle preview (节点依赖周期预览): on a day (today by default), each instance of the
 * first selected task with the upstream instances this setting makes it wait for. Enter applies,
 * "Another day…" moves the preview, Escape cancels.
 */
async function confirmWithPreview(index: WorkspaceIndex, task: Task, setting: DependencySetting, dataphin: boolean, zone: string): Promise<boolean> {
  const graph = buildSchedulingGraph(index);
  let date = todayIn(zone);
  for (;;) {
    const rows = dependencyPreview(graph, task.data.id, setting, dataphin, date);
    if (!rows) return true;
    const upName = index.task(setting.task)?.data.name ?? setting.task;
    const pick = await vscode.window.showQuickPick(
      [
        { label: `$(check) ${l10n.t('Apply this dependency')}`, id: 'apply' },
        { label: `$(calendar) ${l10n.t('Another day…')}`, id: 'day' },
        { label: l10n.t('{0} on {1}', task.data.name, date), kind: vscode.QuickPickItemKind.Separator, id: '' },
        ...rows.map((r) => ({
          label: r.at.slice(11),
          description: r.upstream.length ? l10n.t('waits for {0} {1}', upName, r.upstream.map((u) => (u.startsWith(date) ? u.slice(11) : u.replace('T', ' '))).join(', ')) : l10n.t('waits for no instance of {0}', upName),
          id: 'row',
        })),
      ],
      { title: l10n.t('Dependency preview: {0} on {1} ({2})', task.data.name, upName, dependencyText(setting)), placeHolder: l10n.t('Enter applies; each line is one instance of the task and what it would wait for') },
    );
    if (!pick) return false;
    if (pick.id === 'apply' || pick.id === 'row') return true;
    const typed = await vscode.window.showInputBox({ title: l10n.t('Preview on which day'), value: date, validateInput: (v) => (/^\d{4}-\d{2}-\d{2}$/.test(v) ? undefined : 'YYYY-MM-DD') });
    if (typed) date = typed;
  }
}

/**
 * Batch Dependency Configuration: the upstream dependencies the selected tasks have in common, each
 * with its settings ("the same dependent object and dependency settings": upstream, cycle, policy),
 * to edit or remove, and Add Dependency….
 */
export async function promptDependencies(index: WorkspaceIndex, tasks: readonly Task[]): Promise<object | undefined> {
  const project = tasks[0]?.projectDir ? index.project(tasks[0].projectDir) : undefined;
  const dataphin = project?.config.scheduler === 'dataphin';
  const common = commonDependencies(tasks);
  const name = (id: string) => index.task(id)?.data.name ?? id;
  const action = await vscode.window.showQuickPick(
    [
      { label: `$(add) ${l10n.t('Add Dependency…')}`, id: '+', act: 'add' as const },
      ...common.flatMap((d) => [
        { label: `$(edit) ${name(d.task)}`, description: dependencyText(d), detail: l10n.t('change its cycle or policy'), id: d.task, act: 'edit' as const },
        { label: `$(remove) ${l10n.t('Remove {0}', name(d.task))}`, description: dependencyText(d), id: d.task, act: 'remove' as const },
      ]),
    ],
    { title: l10n.t('Upstream dependencies common to the {0} selected task(s)', tasks.length), matchOnDescription: true },
  );
  if (!action) return undefined;
  if (action.act === 'remove') return { remove: [action.id] };
  let upstream: Task | undefined;
  if (action.act === 'edit') upstream = index.task(action.id);
  else {
    const pick = await vscode.window.showQuickPick([...index.tasks()].map((t) => ({ label: t.data.name, description: t.data.id, id: t.data.id })), { title: l10n.t('Upstream task'), matchOnDescription: true });
    upstream = pick ? index.task(pick.id) : undefined;
  }
  if (!upstream) return undefined;
  const setting = await promptSetting(upstream, tasks, dataphin);
  if (!setting) return undefined;
  if (!(await confirmWithPreview(index, tasks[0]!, setting, dataphin, project?.config.timezone ?? 'UTC'))) return undefined;
  return action.act === 'edit' ? { edit: [setting] } : { add: [setting] };
}
