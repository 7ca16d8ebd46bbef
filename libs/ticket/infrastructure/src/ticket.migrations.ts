import { eventStoreMigration } from '@helpdesk/shared-event-store';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { TicketCatalogues1763700000300 } from './catalogue/catalogue.migration.js';
import { TicketAllFields1763700000400 } from './ticket-fields.migration.js';
import {
  TicketCounts1763700001100,
  TicketListIndexes1763700001000,
} from './ticket-list.migration.js';
import { TicketConversations1763700000700 } from './conversation/conversation.migration.js';
import { TicketCatalogueVersion1763700000800 } from './catalogue/catalogue-version.migration.js';
import { TicketPeople1763700001200 } from './people/people.migration.js';
import { TicketActivityAndViews1763700001300 } from './activity/activity.migration.js';
import { TicketCommentReactions1763700001400 } from './reactions/reaction.migration.js';
import { TicketAssignments1763700001500 } from './assignment/assignment.migration.js';
import { TicketAutoCloseTimers1763700001700 } from './auto-close/auto-close.migration.js';
import { TicketSearch1763700001800 } from './search/search.migration.js';
import { TicketAgentHome1763700008300 } from './agent-home/agent-home.migration.js';

export const TICKET_SCHEMA = 'ticket';

/** `hd_ticket`: the read model behind the HD Ticket document and list endpoints. */
class TicketReadModel1763700000100 implements MigrationInterface {
  name = 'TicketReadModel1763700000100';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE SEQUENCE ticket.hd_ticket_name_seq AS bigint`);
    await runner.query(`CREATE TABLE ticket.hd_ticket (
      name bigint PRIMARY KEY,
      stream_version integer NOT NULL,
      owner text NOT NULL,
      creation timestamptz NOT NULL,
      modified timestamptz NOT NULL,
      modified_by text NOT NULL,
      subject text NOT NULL,
      description text,
      raised_by text NOT NULL,
      status text NOT NULL,
      status_category text NOT NULL,
      priority text,
      ticket_type text NOT NULL,
      agent_group text,
      contact text,
      customer text,
      via_customer_portal boolean NOT NULL DEFAULT false,
      opening_date date NOT NULL,
      key text NOT NULL,
      _assign jsonb,
      sla text,
      response_by timestamptz,
      resolution_by timestamptz,
      agreement_status text,
      first_response_time double precision,
      first_responded_on timestamptz,
      avg_response_time double precision,
      last_agent_response timestamptz,
      last_customer_response timestamptz,
      resolution_details text,
      resolution_date timestamptz,
      resolution_time double precision,
      feedback_rating double precision,
      feedback text,
      feedback_extra text
    )`);
    await runner.query(`CREATE INDEX hd_ticket_modified_idx ON ticket.hd_ticket (modified DESC)`);
    await runner.query(
      `CREATE INDEX hd_ticket_status_idx ON ticket.hd_ticket (status, modified DESC)`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE ticket.hd_ticket`);
    await runner.query(`DROP SEQUENCE ticket.hd_ticket_name_seq`);
  }
}

export const ticketMigrations = [
  eventStoreMigration(TICKET_SCHEMA),
  TicketReadModel1763700000100,
  TicketCatalogues1763700000300,
  TicketAllFields1763700000400,
  TicketConversations1763700000700,
  TicketCatalogueVersion1763700000800,
  TicketListIndexes1763700001000,
  TicketCounts1763700001100,
  TicketPeople1763700001200,
  TicketActivityAndViews1763700001300,
  TicketCommentReactions1763700001400,
  TicketAssignments1763700001500,
  TicketAutoCloseTimers1763700001700,
  TicketSearch1763700001800,
  TicketAgentHome1763700008300,
];
