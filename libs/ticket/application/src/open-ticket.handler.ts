import { randomUUID } from 'node:crypto';
import { inTransaction, type PostgresEventStore } from '@helpdesk/shared-event-store';
import { FrappeError, formatFrappeDate } from '@helpdesk/shared-frappe-api';
import { parseSiteDatetime } from '@helpdesk/shared-frappe-query';
import type { CreateTicketDto, HdTicketDocument } from '@helpdesk/ticket-contracts';
import {
  decide,
  emailAddress,
  evolve,
  initialTicketState,
  raiserOf,
  ticketStreamId,
  type TicketDefaults,
} from '@helpdesk/ticket-domain';
import type { DataSource } from 'typeorm';
import type { CatalogueReadModel } from './catalogue/catalogue-read-model.port.js';
import { TicketLookupsCache, type TicketLookups } from './catalogue/ticket-lookups.js';
import type { ContactLinks } from './people/contact-links.port.js';
import { isAgent, isGuest, type RequestContext } from './request-context.js';
import { toFrappeError } from './ticket-errors.js';
import type { TicketReadModel } from './ticket-read-model.port.js';

export interface OpenTicketDependencies {
  dataSource: DataSource;
  store: PostgresEventStore;
  readModel: TicketReadModel;
  catalogues: CatalogueReadModel;
  timeZone: string;
  /** Contact and customer lookups (`set_contact`, `set_customer`); without them those rules rest. */
  contacts?: ContactLinks;
  /** Names the Communication that records the description. */
  newId: () => string;
  clock?: () => Date;
}

/**
 * `POST /api/resource/HD Ticket`. The name is allocated, the `TicketOpened` event appended to a new
 * stream (expected version 0) and the read-model row written in one transaction, so the reply
 * shows exactly what was committed.
 */
export class OpenTicketHandler {
  private readonly clock: () => Date;
  private readonly lookups: TicketLookupsCache;

  private readonly newId: () => string;

  constructor(private readonly deps: OpenTicketDependencies) {
    this.clock = deps.clock ?? (() => new Date());
    this.lookups = new TicketLookupsCache(deps.catalogues);
    this.newId = deps.newId;
  }

  /** An agent's `service_level_agreement_creation`, as an instant; customers' is ignored. */
  private slaClockStart(
    body: CreateTicketDto,
    context: RequestContext,
  ): { service_level_agreement_creation?: string } {
    const given = body.service_level_agreement_creation?.trim();
    if (!given || !isAgent(context)) return {};
    const instant = parseSiteDatetime(given, this.deps.timeZone);
    if (!instant) {
      throw FrappeError.validation(
        `service_level_agreement_creation: ${given} is not a valid datetime`,
      );
    }
    return { service_level_agreement_creation: instant.toISOString() };
  }

  /** `attachments`: File names that go with the description, the customer's first message. */
  async execute(
    body: CreateTicketDto,
    context: RequestContext,
    attachments: readonly string[] = [],
  ): Promise<HdTicketDocument> {
    if (isGuest(context)) throw FrappeError.permission('Not permitted to create HD Ticket');
    const { dataSource, store, readModel } = this.deps;
    try {
      return await inTransaction(dataSource, async (sql) => {
        const name = await readModel.nextName(sql);
        const lookups = await this.lookups.load(sql);
        const now = this.clock();
        const raisedBy = raiserOf(body.raised_by, context.user, isAgent(context));
        const links = await this.deps.contacts?.load(sql, {
          actor: context.user,
          raiserEmail: emailAddress(raisedBy),
          contacts: [body.contact?.trim() ? body.contact : null],
          autoSetCustomerFromContact: lookups.settings.auto_set_customer_from_contact !== 0,
        });
        const events = decide(
          {
            type: 'OpenTicket',
            data: {
              name,
              subject: body.subject,
              description: body.description ?? null,
              raisedBy: body.raised_by ?? null,
              priority: body.priority ?? null,
              ticketType: body.ticket_type ?? null,
              viaCustomerPortal: body.via_customer_portal ?? false,
              agentGroup: body.agent_group ?? null,
              contact: body.contact ?? null,
              customer: body.customer ?? null,
              fields: {
                template: body.template ?? null,
                summary: body.summary ?? null,
                email_account: body.email_account ?? null,
                ...this.slaClockStart(body, context),
              },
            },
            context: {
              ...links,
              actor: context.user,
              actorIsAgent: isAgent(context),
              now,
              key: randomUUID(),
              openingDate: formatFrappeDate(now, this.deps.timeZone),
              defaults: newTicketDefaults(lookups),
              lookups,
            },
          },
          initialTicketState,
        );
        const state = events.reduce(evolve, initialTicketState);
        if (state.kind === 'existing' && state.description !== null) {
          // Frappe's after_insert: the description is the customer's first message.
          events.push(
            ...decide(
              {
                type: 'ReplyAsCustomer',
                data: {
                  name,
                  communicationId: this.newId(),
                  message: state.description,
                  attachments,
                  newTicket: true,
                },
                context: {
                  actor: context.user,
                  actorIsAgent: isAgent(context),
                  now,
                  lookups,
                  settings: { defaultTicketStatus: state.status, ticketReopenStatus: state.status },
                },
              },
              state,
            ),
          );
        }
        const appended = await store.appendToStream(
          sql,
          ticketStreamId(name),
          0,
          events.map((event) => ({
            type: event.type,
            data: event.data,
            metadata: { actor: context.user, correlationId: context.correlationId },
          })),
        );
        await readModel.project(sql, appended.events);
        const document = await readModel.findDocument(sql, name);
        if (!document) throw new Error(`ticket ${name} missing from its read model`);
        return document;
      });
    } catch (error) {
      throw toFrappeError(error);
    }
  }
}

/** HD Settings' defaults for a new ticket (frappe-api §1.1.3 steps 2, 4 and 7). */
export function newTicketDefaults(lookups: TicketLookups): TicketDefaults {
  const status = String(lookups.settings.default_ticket_status ?? 'Open');
  return {
    status,
    statusCategory: lookups.statusCategoryOf(status) ?? 'Open',
    ticketType: String(lookups.settings.default_ticket_type ?? 'Unspecified'),
    priority: (lookups.settings.default_priority as string | null) ?? null,
  };
}
