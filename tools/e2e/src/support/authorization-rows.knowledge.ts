import type { AuthorizationRow } from './authorization-cells.js';

/** The routes of the knowledge base and saved replies, × every persona. */
export const KNOWLEDGE_ROWS: AuthorizationRow[] = [];
