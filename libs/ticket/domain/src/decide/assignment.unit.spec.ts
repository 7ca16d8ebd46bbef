import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ApplyAssignmentRule, AssignAgent, UnassignAgents } from '../ticket.commands.js';
import type { TicketEvent } from '../ticket.events.js';
import { decide } from '../ticket.decide.js';
import type { ExistingTicket } from '../ticket.state.js';
import {
  AGENT,
  agent,
  assertViolation,
  customer,
  given,
  meta,
  opened,
} from '../testing/ticket.fixtures.js';

const SAM = 'sam@example.com';
const by = meta(AGENT);

const assign = (who: string, context = agent): AssignAgent => ({
  type: 'AssignAgent',
  data: { name: 7, agent: who },
  context,
});
const unassign = (agents: string[], context = agent): UnassignAgents => ({
  type: 'UnassignAgents',
  data: { name: 7, agents },
  context,
});
const assigned = (who: string, assignees: string[]): TicketEvent => ({
  type: 'AgentAssigned',
  data: { ...by, agent: who, assignees },
});

describe('AssignAgent', () => {
  it('adds the agent to the end of the assignees', () => {
    assert.deepEqual(decide(assign(AGENT), given([opened()])), [assigned(AGENT, [AGENT])]);
    assert.deepEqual(decide(assign(SAM), given([opened(), assigned(AGENT, [AGENT])])), [
      assigned(SAM, [AGENT, SAM]),
    ]);
  });

  it('does nothing for someone already assigned', () => {
    assert.deepEqual(decide(assign(AGENT), given([opened(), assigned(AGENT, [AGENT])])), []);
  });

  it('is refused to customers, to a blank agent and on a missing ticket', () => {
    assertViolation(
      () => decide(assign(AGENT, customer), given([opened()])),
      'forbidden',
      'You are not permitted to access this resource.',
    );
    assertViolation(() => decide(assign(' '), given([opened()])), 'mandatory');
    assertViolation(() => decide(assign(AGENT), given([])), 'not-found');
  });

  it('keeps the assignees in the state, in order of assignment', () => {
    const state = given([opened(), assigned(SAM, [SAM]), assigned(AGENT, [SAM, AGENT])]);
    assert.deepEqual((state as ExistingTicket).assignees, [SAM, AGENT]);
  });
});

describe('UnassignAgents', () => {
  const both = given([opened(), assigned(AGENT, [AGENT]), assigned(SAM, [AGENT, SAM])]);

  it('records one event per assignee removed, each with the assignees left', () => {
    assert.deepEqual(decide(unassign([AGENT, SAM]), both), [
      { type: 'AgentUnassigned', data: { ...by, agent: AGENT, assignees: [SAM] } },
      { type: 'AgentUnassigned', data: { ...by, agent: SAM, assignees: [] } },
    ]);
  });

  it('skips users who are not assigned, and names given twice', () => {
    assert.deepEqual(decide(unassign(['nobody@example.com', SAM, SAM]), both), [
      { type: 'AgentUnassigned', data: { ...by, agent: SAM, assignees: [AGENT] } },
    ]);
    assert.deepEqual(decide(unassign(['nobody@example.com']), both), []);
    assert.deepEqual(decide(unassign([]), both), []);
  });

  it('leaves the state with the remaining assignees', () => {
    const after = given([
      opened(),
      assigned(AGENT, [AGENT]),
      assigned(SAM, [AGENT, SAM]),
      ...decide(unassign([AGENT]), both),
    ]);
    assert.deepEqual((after as ExistingTicket).assignees, [SAM]);
  });

  it('is refused to customers', () => {
    assertViolation(
      () => decide(unassign([AGENT], customer), both),
      'forbidden',
      'You are not permitted to access this resource.',
    );
  });
});

describe('ApplyAssignmentRule', () => {
  const RULE = 'Billing - Support Rotation';
  const apply = (
    expectedAssignees: string[],
    cancel: string[],
    assign: string | null,
  ): ApplyAssignmentRule => ({
    type: 'ApplyAssignmentRule',
    data: { name: 7, rule: RULE, expectedAssignees, cancel, assign },
    context: { actor: AGENT, now: agent.now },
  });

  it('given an unassigned ticket, when the rule assigns, then the pick is assigned by the rule', () => {
    assert.deepEqual(decide(apply([], [], SAM), given([opened()])), [
      { type: 'AgentAssigned', data: { ...by, agent: SAM, assignees: [SAM], rule: RULE } },
    ]);
  });

  it('given assignees the rule saw, when it reassigns, then they go before the pick comes', () => {
    const state = given([opened(), assigned(AGENT, [AGENT])]);
    assert.deepEqual(decide(apply([AGENT], [AGENT], SAM), state), [
      { type: 'AgentUnassigned', data: { ...by, agent: AGENT, assignees: [], rule: RULE } },
      { type: 'AgentAssigned', data: { ...by, agent: SAM, assignees: [SAM], rule: RULE } },
    ]);
    assert.deepEqual(decide(apply([AGENT], [AGENT], null), state), [
      { type: 'AgentUnassigned', data: { ...by, agent: AGENT, assignees: [], rule: RULE } },
    ]);
  });

  it('given assignees that changed since the rule decided, then the decision is void', () => {
    const state = given([opened(), assigned(AGENT, [AGENT])]);
    assert.deepEqual(decide(apply([], [], SAM), state), []);
    assert.deepEqual(decide(apply([SAM], [SAM], AGENT), state), []);
  });

  it('given the same decision twice, then the second changes nothing', () => {
    const first = decide(apply([], [], SAM), given([opened()]));
    assert.deepEqual(decide(apply([], [], SAM), given([opened(), ...first])), []);
  });

  it('given a deleted or unknown ticket, then the decision is void, not an error', () => {
    assert.deepEqual(decide(apply([], [], SAM), given([])), []);
  });
});
