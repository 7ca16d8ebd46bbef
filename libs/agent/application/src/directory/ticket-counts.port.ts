/** What agent-service asks ticket-service about a contact's tickets. */
export interface ContactTicketCounts {
  /** Open or Paused tickets per contact name; a contact's tickets name it or its addresses. */
  openTickets(
    contacts: readonly { name: string; emails: readonly string[] }[],
  ): Promise<ReadonlyMap<string, number>>;
}
