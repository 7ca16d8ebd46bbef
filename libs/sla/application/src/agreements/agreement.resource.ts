import {
  CreateServiceLevelAgreementDto,
  UpdateServiceLevelAgreementDto,
} from '@helpdesk/sla-contracts';
import { SLA_DOCTYPE, type ServiceLevelAgreementInput } from '@helpdesk/sla-domain';
import type { ServiceLevelAgreementCommands } from './agreement-commands.js';
import type { SlaDocumentReads } from './sla-document-ports.js';
import { mapRows, SlaDocumentResource } from './sla-document.resource.js';

/** HD Service Level Agreement over Frappe's document API. */
export function serviceLevelAgreementResource(
  reads: SlaDocumentReads,
  commands: ServiceLevelAgreementCommands,
) {
  return new SlaDocumentResource(SLA_DOCTYPE, reads, {
    createDto: CreateServiceLevelAgreementDto,
    updateDto: UpdateServiceLevelAgreementDto,
    childTables: ['priorities', 'support_and_resolution'],
    async create(body, actor) {
      const values = agreementInput(body);
      const state = await commands.run(
        { type: 'CreateServiceLevelAgreement', data: { values } },
        actor,
      );
      return state.kind === 'present' ? state.agreement.name : '';
    },
    async update(name, body, actor) {
      const changes = agreementInput(body);
      await commands.run({ type: 'UpdateServiceLevelAgreement', data: { name, changes } }, actor);
    },
    async delete(name, actor) {
      await commands.run({ type: 'DeleteServiceLevelAgreement', data: { name } }, actor);
    },
  });
}

/**
 * The editable fields the body carries, as the SLA's input (a field left out stays `undefined`,
 * which the SLA reads as "not given"); the computed `default_priority` is left behind.
 */
function agreementInput(body: UpdateServiceLevelAgreementDto): ServiceLevelAgreementInput {
  return {
    service_level: body.service_level,
    description: body.description,
    enabled: body.enabled,
    default_sla: body.default_sla,
    priority: body.priority,
    start_date: body.start_date,
    end_date: body.end_date,
    condition: body.condition,
    condition_json: body.condition_json,
    holiday_list: body.holiday_list,
    support_and_resolution: mapRows(
      body.support_and_resolution,
      ({ workday, start_time, end_time }) => ({ workday, start_time, end_time }),
    ),
    priorities: mapRows(
      body.priorities,
      ({ priority, response_time, resolution_time, default_priority }) => ({
        priority,
        response_time,
        resolution_time,
        default_priority,
      }),
    ),
    apply_sla_for_resolution: body.apply_sla_for_resolution,
    default_ticket_status: body.default_ticket_status,
    ticket_reopen_status: body.ticket_reopen_status,
    timezone: body.timezone,
  };
}
