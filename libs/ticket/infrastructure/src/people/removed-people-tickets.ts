import type { PeopleEventV1 } from '@helpdesk/agent-contracts';
import { withConnection } from '@helpdesk/shared-event-store';
import { FrappeError } from '@helpdesk/shared-frappe-api';
import type { RequestContext, TicketCommands } from '@helpdesk/ticket-application';
import type { DataSource } from 'typeorm';

/** The ticket field naming each removable people document. */
const LINK_FIELD = {
  'helpdesk.people.v1.contact-removed': 'contact',
  'helpdesk.people.v1.customer-removed': 'customer',
} as const;

/**
 * A deleted Contact or HD Customer leaves no ticket pointing at it (`delete_contact`,
 * `delete_customer`): each ticket naming it is saved with the link cleared, or deleted when the
 * removal asked for `delete_tickets`, on behalf of whoever removed it. Runs after the people copy
 * committed and again on every redelivery until it is acknowledged, so a crash half-way finishes
 * the rest; tickets already unlinked no longer match.
 */
export class RemovedPeopleTickets {
  constructor(
    private readonly dataSource: DataSource,
    private readonly commands: TicketCommands,
  ) {}

  async follow(event: PeopleEventV1): Promise<void> {
    if (
      event.type !== 'helpdesk.people.v1.contact-removed' &&
      event.type !== 'helpdesk.people.v1.customer-removed'
    )
      return;
    const field = LINK_FIELD[event.type];
    const context: RequestContext = {
      user: event.actor ?? 'Administrator',
      roles: ['Agent'],
      correlationId: event.correlationId ?? event.id,
    };
    for (const name of await this.ticketsNaming(field, event.name)) {
      await ignoringVanished(() =>
        event.data.delete_tickets
          ? this.commands.delete(name, context)
          : this.commands.update(name, { [field]: null }, context),
      );
    }
  }

  private async ticketsNaming(field: 'contact' | 'customer', value: string): Promise<number[]> {
    const { rows } = await withConnection(this.dataSource, (sql) =>
      sql.query<{ name: string }>(
        `SELECT name FROM ticket.hd_ticket WHERE ${field} = $1 ORDER BY name`,
        [value],
      ),
    );
    return rows.map((row) => Number(row.name));
  }
}

/** A ticket deleted meanwhile needs nothing more. */
async function ignoringVanished(work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (error) {
    if (error instanceof FrappeError && error.excType === 'DoesNotExistError') return;
    throw error;
  }
}
