import { FrappeError, formatFrappeDate } from '@helpdesk/shared-frappe-api';
import {
  SEEDED_TICKET_PRIORITIES,
  seededDefaultHolidayList,
  seededDefaultSla,
} from '@helpdesk/sla-domain';
import type { ServiceLevelAgreementCommands } from './agreement-commands.js';
import type { ServiceHolidayListCommands } from './holiday-list-commands.js';
import type { SlaActor } from './sla-document-command-runner.js';
import type { TicketFacts } from './sla-document-ports.js';

const INSTALLER: SlaActor = { user: 'Administrator' };

/** Helpdesk's install seeds these priorities before the SLA that names them. */
const SEEDED_TICKET_FACTS: TicketFacts = {
  ticketPriorities: SEEDED_TICKET_PRIORITIES.map((name) => ({ name, enabled: true })),
  openTicketStatuses: [],
};

export interface DefaultSlaDocumentsOptions {
  agreements: ServiceLevelAgreementCommands;
  holidayLists: ServiceHolidayListCommands;
  /** The site's zone: the seeded SLA's working hours, and which year "this year" is. */
  timeZone: string;
  now?: Date;
}

/**
 * Helpdesk's install (`add_default_sla`): the "Default" holiday list (Jan 1 of this year to Jan 1
 * of the next) and the "Default" SLA, recorded as events through the documents' own commands.
 * Each is installed once: a document that was ever recorded, even if deleted since, is left as
 * it is. Replicas starting together take the documents' lock in turn; the later one finds the
 * document there and leaves it. Answers the names installed now.
 */
export async function installDefaultSlaDocuments(
  options: DefaultSlaDocumentsOptions,
): Promise<string[]> {
  const { agreements, holidayLists, timeZone } = options;
  const year = Number(formatFrappeDate(options.now ?? new Date(), timeZone).slice(0, 4));
  const installed: string[] = [];
  const { name: listName, ...list } = seededDefaultHolidayList(year);
  if (!(await holidayLists.hasHistory(listName))) {
    const created = await createdHere(
      holidayLists.run({ type: 'CreateServiceHolidayList', data: { values: list } }, INSTALLER),
    );
    if (created) installed.push(`HD Service Holiday List ${listName}`);
  }
  const { name: slaName, ...sla } = seededDefaultSla(timeZone);
  if (!(await agreements.hasHistory(slaName))) {
    const created = await createdHere(
      agreements.run(
        { type: 'CreateServiceLevelAgreement', data: { values: sla } },
        INSTALLER,
        SEEDED_TICKET_FACTS,
      ),
    );
    if (created) installed.push(`HD Service Level Agreement ${slaName}`);
  }
  return installed;
}

/** True when this call created the document; false when another replica got there first. */
async function createdHere(creating: Promise<unknown>): Promise<boolean> {
  try {
    await creating;
    return true;
  } catch (error) {
    const raced =
      error instanceof FrappeError &&
      (error.excType === 'DuplicateEntryError' || error.excType === 'TimestampMismatchError');
    if (raced) return false;
    throw error;
  }
}
