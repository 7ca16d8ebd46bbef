import { CreateServiceHolidayListDto, UpdateServiceHolidayListDto } from '@helpdesk/sla-contracts';
import { HOLIDAY_LIST_DOCTYPE, type ServiceHolidayListInput } from '@helpdesk/sla-domain';
import type { ServiceHolidayListCommands } from './holiday-list-commands.js';
import type { SlaDocumentReads } from './sla-document-ports.js';
import { mapRows, SlaDocumentResource } from './sla-document.resource.js';

/** HD Service Holiday List over Frappe's document API. */
export function serviceHolidayListResource(
  reads: SlaDocumentReads,
  commands: ServiceHolidayListCommands,
) {
  return new SlaDocumentResource(HOLIDAY_LIST_DOCTYPE, reads, {
    createDto: CreateServiceHolidayListDto,
    updateDto: UpdateServiceHolidayListDto,
    childTables: ['holidays'],
    async create(body, actor) {
      const values = holidayListInput(body);
      const state = await commands.run(
        { type: 'CreateServiceHolidayList', data: { values } },
        actor,
      );
      return state.kind === 'present' ? state.list.name : '';
    },
    async update(name, body, actor) {
      const changes = holidayListInput(body);
      await commands.run({ type: 'UpdateServiceHolidayList', data: { name, changes } }, actor);
    },
    async delete(name, actor) {
      await commands.run({ type: 'DeleteServiceHolidayList', data: { name } }, actor);
    },
  });
}

/** The editable fields the body carries; the computed `total_holidays` is left behind. */
function holidayListInput(body: UpdateServiceHolidayListDto): ServiceHolidayListInput {
  return {
    holiday_list_name: body.holiday_list_name,
    from_date: body.from_date,
    to_date: body.to_date,
    weekly_off: body.weekly_off,
    holidays: mapRows(body.holidays, ({ holiday_date, description, weekly_off }) => ({
      holiday_date,
      description,
      weekly_off,
    })),
    color: body.color,
    description: body.description,
  };
}
