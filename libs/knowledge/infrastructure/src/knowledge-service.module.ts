import { Module, type DynamicModule } from '@nestjs/common';
import { connect } from '@nats-io/transport-node';
import {
  articleResource,
  categoryResource,
  feedbackResource,
  KnowledgeCommands,
  knowledgeBaseMethods,
  savedReplyMethods,
  savedReplyResource,
  type KnowledgeReads,
} from '@helpdesk/knowledge-application';
import { KNOWLEDGE_SERVICE } from '@helpdesk/knowledge-contracts';
import {
  createServiceDataSource,
  openMigrated,
  PostgresEventStore,
} from '@helpdesk/shared-event-store';
import {
  methodMessagesController,
  resourceMessagesController,
  ServiceRequests,
  type DoctypeRegistry,
  type DoctypeResource,
  type MethodRegistry,
} from '@helpdesk/shared-messaging';
import { DataSource } from 'typeorm';
import { knowledgeProjection } from './documents/knowledge-projection.js';
import { PostgresKnowledgeFacts } from './documents/postgres-knowledge-facts.js';
import { PostgresKnowledgeQueries } from './documents/postgres-knowledge-queries.js';
import { postgresKnowledgeReads } from './documents/postgres-knowledge-reads.js';
import { KNOWLEDGE_SCHEMA, knowledgeMigrations } from './knowledge.migrations.js';
import { KnowledgeRuntime } from './knowledge.runtime.js';
import {
  KNOWLEDGE_NATS,
  KNOWLEDGE_OPTIONS,
  type KnowledgeServiceOptions,
} from './knowledge-service.options.js';
import { PostgresKnowledgeSettings, PostgresPeopleDirectory } from './people/knowledge-copies.js';
import { RpcRenderSources } from './rendering/rpc-render-sources.js';
import { SandboxedTemplates } from './rendering/sandboxed-templates.js';

export function createKnowledgeDataSource(
  options: Pick<KnowledgeServiceOptions, 'databaseUrl' | 'databasePoolSize'>,
): DataSource {
  return createServiceDataSource({
    url: options.databaseUrl,
    schema: KNOWLEDGE_SCHEMA,
    poolSize: options.databasePoolSize,
    migrations: knowledgeMigrations,
    applicationName: 'knowledge-service',
  });
}

const KNOWLEDGE_DOCTYPES = Symbol('KNOWLEDGE_DOCTYPES');
const KNOWLEDGE_METHODS = Symbol('KNOWLEDGE_METHODS');
const KNOWLEDGE_READS = Symbol('KNOWLEDGE_READS');

/** knowledge-service: articles, their categories and feedback, and saved replies. */
@Module({})
export class KnowledgeServiceModule {
  static forRoot(options: KnowledgeServiceOptions): DynamicModule {
    return {
      module: KnowledgeServiceModule,
      controllers: [
        resourceMessagesController(KNOWLEDGE_SERVICE, KNOWLEDGE_DOCTYPES),
        methodMessagesController(KNOWLEDGE_SERVICE, KNOWLEDGE_METHODS),
      ],
      providers: [
        { provide: KNOWLEDGE_OPTIONS, useValue: options },
        {
          provide: DataSource,
          useFactory: () => openMigrated(createKnowledgeDataSource(options), KNOWLEDGE_SCHEMA),
        },
        {
          provide: KNOWLEDGE_NATS,
          useFactory: () => connect({ servers: options.natsUrl, name: 'knowledge-service-events' }),
        },
        {
          provide: ServiceRequests,
          useFactory: () =>
            ServiceRequests.connect({
              namespace: options.namespace,
              natsUrl: options.natsUrl,
              timeoutMs: options.requestTimeoutMs,
              name: 'knowledge-service-requests',
            }),
        },
        {
          provide: SandboxedTemplates,
          useFactory: () =>
            new SandboxedTemplates({
              timeoutMs: options.templateTimeoutMs,
              maxOutputChars: 1_000_000,
              maxHeapMb: 64,
            }),
        },
        {
          provide: KnowledgeCommands,
          inject: [DataSource],
          useFactory: (dataSource: DataSource) =>
            new KnowledgeCommands({
              dataSource,
              store: new PostgresEventStore(KNOWLEDGE_SCHEMA),
              project: knowledgeProjection,
              facts: new PostgresKnowledgeFacts(),
            }),
        },
        {
          provide: KNOWLEDGE_READS,
          inject: [DataSource],
          useFactory: (dataSource: DataSource) =>
            postgresKnowledgeReads(dataSource, options.timeZone),
        },
        {
          provide: KNOWLEDGE_DOCTYPES,
          inject: [KNOWLEDGE_READS, KnowledgeCommands, DataSource],
          useFactory: (
            reads: KnowledgeReads,
            commands: KnowledgeCommands,
            dataSource: DataSource,
          ) =>
            new Map<string, DoctypeResource>([
              ['HD Article', articleResource(reads, commands)],
              ['HD Article Category', categoryResource(reads, commands)],
              ['HD Article Feedback', feedbackResource(reads, commands)],
              [
                'HD Saved Reply',
                savedReplyResource(
                  reads,
                  commands,
                  new PostgresPeopleDirectory(dataSource),
                  new PostgresKnowledgeSettings(dataSource),
                ),
              ],
            ]) satisfies DoctypeRegistry,
        },
        {
          provide: KNOWLEDGE_METHODS,
          inject: [
            KNOWLEDGE_READS,
            KnowledgeCommands,
            DataSource,
            ServiceRequests,
            SandboxedTemplates,
          ],
          useFactory: (
            reads: KnowledgeReads,
            commands: KnowledgeCommands,
            dataSource: DataSource,
            requests: ServiceRequests,
            templates: SandboxedTemplates,
          ): MethodRegistry => {
            const people = new PostgresPeopleDirectory(dataSource);
            return new Map([
              ...knowledgeBaseMethods({
                commands,
                reads,
                queries: new PostgresKnowledgeQueries(dataSource, options.timeZone),
                people,
              }),
              ...savedReplyMethods({
                savedReplies: reads.savedReplies,
                people,
                settings: new PostgresKnowledgeSettings(dataSource),
                sources: new RpcRenderSources(requests),
                renderer: templates,
              }),
            ]);
          },
        },
        KnowledgeRuntime,
      ],
      exports: [DataSource, KNOWLEDGE_NATS],
    };
  }
}
