// 红黄灯预警: a project past a planned date without having reached that stage is red; one whose
// planned date is within 30 days is yellow.
import { PROJECT_STAGES, type ProjectStage } from '../lib/project-stages.ts';

export const YELLOW_DAYS = 30;

/** A planned date for reaching a stage. */
export interface Milestone {
  stage: ProjectStage;
  plannedOn: string;
}

/** The warning for one milestone, or undefined when it is reached or far off. */
export interface Warning {
  level: 'red' | 'yellow';
  stage: ProjectStage;
  plannedOn: string;
  days: number;
}

/** The warnings of a project at `today` (YYYY-MM-DD), most urgent first. */
export function milestoneWarnings(current: ProjectStage | null, milestones: readonly Milestone[], today: string): Warning[] {
  const reached = current === null ? -1 : PROJECT_STAGES.indexOf(current);
  const day = (date: string) => Date.parse(`${date}T00:00:00Z`) / 86_400_000;
  return milestones
    .filter((m) => PROJECT_STAGES.indexOf(m.stage) > reached)
    .map((m) => ({ ...m, days: day(m.plannedOn) - day(today) }))
    .filter((m) => m.days <= YELLOW_DAYS)
    .map((m) => ({ level: m.days < 0 ? ('red' as const) : ('yellow' as const), stage: m.stage, plannedOn: m.plannedOn, days: m.days }))
    .sort((a, b) => a.days - b.days);
}
