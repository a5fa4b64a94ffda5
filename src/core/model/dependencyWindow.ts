import type { Dependency } from './taskSchema';

/** Minute and hour cycles run several times a day. */
export function isMultiCycle(cycle: string | undefined): boolean {
  return cycle === 'minute' || cycle === 'hour';
}

/**
 * Whether a Dataphin dependency's window can hold more than one upstream instance, so that a policy
 * chooses something: an hourly or minute upstream, and not the previous cycle of one from an hourly or
 * minute task (one instance back).
 */
export function windowHoldsSeveral(upCycle: string | undefined, downCycle: string | undefined, dependency: Pick<Dependency, 'cycle' | 'daysBack'>): boolean {
  return isMultiCycle(upCycle) && !(dependency.cycle === 'previous' && dependency.daysBack === undefined && isMultiCycle(downCycle));
}
