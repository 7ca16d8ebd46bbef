import {
  decideServiceHolidayList,
  evolveServiceHolidayList,
  HOLIDAY_LIST_DOCTYPE,
  initialServiceHolidayListState,
  type ServiceHolidayListCommand,
  type ServiceHolidayListEvent,
  type ServiceHolidayListState,
} from '@helpdesk/sla-domain';
import { decideOnStream, type AggregateSpec } from '@helpdesk/shared-event-store';
import { holidayListStreamId } from './sla-document-streams.js';
import {
  SlaDocumentCommandRunner,
  type SlaActor,
  type SlaDocumentCommandsOptions,
} from './sla-document-command-runner.js';

/**
 * Every change to an HD Service Holiday List: under the SLA documents' lock, load its stream,
 * decide (a deletion with the SLAs that name the list), append at the version read and project.
 */
export class ServiceHolidayListCommands {
  private readonly spec: AggregateSpec<ServiceHolidayListState, ServiceHolidayListEvent>;
  private readonly runner: SlaDocumentCommandRunner;

  constructor(private readonly options: SlaDocumentCommandsOptions) {
    this.spec = {
      store: options.store,
      project: options.project,
      initialState: initialServiceHolidayListState,
      evolve: evolveServiceHolidayList,
    };
    this.runner = new SlaDocumentCommandRunner(options, HOLIDAY_LIST_DOCTYPE, holidayListStreamId);
  }

  run(command: ServiceHolidayListCommand, actor: SlaActor): Promise<ServiceHolidayListState> {
    const name = nameOf(command);
    return this.runner.run(name, async (sql) => {
      await this.options.facts.lock(sql);
      const slasUsingList =
        command.type === 'DeleteServiceHolidayList'
          ? await this.options.facts.slasUsingList(sql, name)
          : [];
      const context = { actor: actor.user, now: this.runner.now(), slasUsingList };
      const result = await decideOnStream(
        sql,
        this.spec,
        holidayListStreamId(name),
        (state) => decideServiceHolidayList(state, command, context),
        this.runner.metadata(actor),
      );
      return result.state;
    });
  }

  /** Whether the list was ever recorded, even if deleted since. */
  hasHistory(name: string): Promise<boolean> {
    return this.runner.hasHistory(name);
  }
}

function nameOf(command: ServiceHolidayListCommand): string {
  return command.type === 'CreateServiceHolidayList'
    ? (command.data.values.holiday_list_name ?? '').trim()
    : command.data.name;
}
