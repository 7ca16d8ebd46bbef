import type { Sql } from '@helpdesk/shared-event-store';
import type { ServiceLevelAgreementDocument } from '@helpdesk/sla-domain';

/** An HD Service Level Agreement as choosing and reckoning read it. */
export type SlaPolicy = ServiceLevelAgreementDocument & {
  /** ISO-8601 instant the SLA was created (the tie-break when several match). */
  creation: string;
};

/** Every SLA, and the holiday dates (`YYYY-MM-DD`) of every holiday list, at one moment. */
export interface SlaCatalogue {
  readonly agreements: readonly SlaPolicy[];
  agreement(name: string): SlaPolicy | undefined;
  holidaysOf(holidayList: string): readonly string[];
}

/** sla-service's SLAs and holiday lists, read inside the caller's transaction. */
export interface SlaPolicies {
  load(sql: Sql): Promise<SlaCatalogue>;
}
