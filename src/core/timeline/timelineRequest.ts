import { z } from 'zod';

/** What the timeline is asked to draw: a day, its lanes' grouping, and an optional focus on a task. */
export const timelineRequestSchema = z.object({
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  grouping: z.enum(['folder', 'project']).default('folder'),
  focus: z
    .object({
      task: z.string().min(1).max(200),
      depth: z.number().int().min(0).max(50).default(2),
      direction: z.enum(['upstream', 'downstream', 'both']).default('both'),
    })
    .optional(),
});
export type TimelineRequest = z.output<typeof timelineRequestSchema>;

/** An instance as the detail pane shows it. */
export interface InstanceDetail {
  index: number;
  id: string;
  task: string;
  name: string;
  scheduledAt: string;
  kind: string;
  start?: number;
  end?: number;
  blocked?: string;
  params: Record<string, string>;
  /** Indexes of drawn instances (the others are not shown); each by its task's name and scheduled time. */
  upstream: InstanceRef[];
  downstream: InstanceRef[];
  criticalPath: Omit<InstanceRef, 'crossCycle'>[];
  /** Why it starts when it does, along the critical path, by name. */
  explanation: string;
}

/** An instance a detail names: its id, its task's name, its scheduled time, and where it is drawn. */
export interface InstanceRef {
  index?: number;
  id: string;
  name: string;
  at: string;
  crossCycle: boolean;
}
