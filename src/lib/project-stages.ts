// The stages of an investment project, from planning to operation: the one list every page,
// filter, chart and milestone warning orders them by.

/** The stages as English pages name them. */
export const PROJECT_STAGE_ENGLISH_NAMES: Readonly<Record<ProjectStage, string>> = {
  '谋划/储备': 'Planning',
  洽谈: 'In negotiation',
  签约: 'Signed',
  '开工/在建': 'Under construction',
  竣工: 'Completed',
  '投产/运营': 'In operation',
};

/** A project's stage as reports name it. */
export type ProjectStage = '谋划/储备' | '洽谈' | '签约' | '开工/在建' | '竣工' | '投产/运营';

/** Every stage, earliest first. */
export const PROJECT_STAGES: readonly ProjectStage[] = ['谋划/储备', '洽谈', '签约', '开工/在建', '竣工', '投产/运营'];

/** Whether a stored or submitted value is one of the stages. */
export function isProjectStage(value: string | null | undefined): value is ProjectStage {
  return value !== null && value !== undefined && (PROJECT_STAGES as readonly string[]).includes(value);
}

/** The more advanced of two stages (either may be unknown). */
export function laterStage(a: ProjectStage | null, b: ProjectStage | null): ProjectStage | null {
  if (a === null) return b;
  if (b === null) return a;
  return PROJECT_STAGES.indexOf(b) > PROJECT_STAGES.indexOf(a) ? b : a;
}
