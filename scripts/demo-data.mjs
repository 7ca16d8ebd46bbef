// Demo tickets for a fresh stack, created through the public API like any client would.
const [api, token] = process.argv.slice(2);
const tickets = [
  {
    subject: 'Cannot log in after password reset',
    raised_by: 'jane@acme.example',
    priority: 'High',
    ticket_type: 'Bug',
  },
  {
    subject: 'How do I export my invoices?',
    raised_by: 'omar@globex.example',
    priority: 'Low',
    ticket_type: 'Question',
  },
  {
    subject: 'Checkout page returns 502',
    raised_by: 'li@initech.example',
    priority: 'Urgent',
    ticket_type: 'Incident',
  },
  {
    subject: 'Feature request: dark mode',
    raised_by: 'ana@acme.example',
    description: '<p>Please add a dark theme.</p>',
  },
];
for (const ticket of tickets) {
  const response = await fetch(`${api}/api/resource/HD%20Ticket`, {
    method: 'POST',
    headers: { Authorization: `token ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(ticket),
  });
  if (!response.ok)
    throw new Error(`demo ticket refused: ${response.status} ${await response.text()}`);
  const { data } = await response.json();
  console.log(`  ticket ${data.name}: ${data.subject}`);
}

async function call(path, body) {
  const response = await fetch(`${api}${path}`, {
    method: 'POST',
    headers: { Authorization: `token ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok)
    throw new Error(`demo ${path} refused: ${response.status} ${await response.text()}`);
  return response.json();
}

// Two agents and Frappe Helpdesk's two starter teams.
await call('/api/method/helpdesk.api.agent.sent_invites', {
  emails: ['alice@helpdesk.example', 'bruno@helpdesk.example'],
});
console.log('  agents alice@helpdesk.example, bruno@helpdesk.example');
for (const [team, user] of [
  ['Billing', 'alice@helpdesk.example'],
  ['Product Experts', 'bruno@helpdesk.example'],
]) {
  await call('/api/resource/HD%20Team', { team_name: team, users: [{ user }] });
  console.log(`  team ${team}: ${user}`);
}
