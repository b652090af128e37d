// The inspection's rules, in the order the console page and the command list them. A feature
// contributes a check by exporting an InspectionCheck from its own folder and adding it here.
import { brokenLinksCheck } from './checks/broken-links.check.ts';
import { emptyChannelsCheck } from './checks/empty-channels.check.ts';
import { homePageCheck } from './checks/home-page.check.ts';
import { pageSpeedCheck } from './checks/page-speed.check.ts';
import { unansweredMessagesCheck } from './checks/unanswered-messages.check.ts';
import { unansweredQuestionsCheck } from '../questions/question.inspection.ts';
import { overdueAppealsCheck } from '../appeals/appeal.inspection.ts';
import { calendarCoverageCheck } from '../calendar/calendar-coverage.ts';
import { staleVacancyCheck } from '../parks/site.inspection.ts';
import type { InspectionCheck } from './inspection-check.ts';

/** Every check a full inspection runs. */
export const INSPECTION_CHECKS: readonly InspectionCheck[] = [
  homePageCheck,
  emptyChannelsCheck,
  unansweredMessagesCheck,
  unansweredQuestionsCheck,
  overdueAppealsCheck,
  calendarCoverageCheck,
  staleVacancyCheck,
  brokenLinksCheck,
  pageSpeedCheck(),
];
