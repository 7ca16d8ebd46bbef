import type { ApiCall, Json } from './api-stack.js';

const EVERY_DAY = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** An instant `ms` ago as Frappe writes a datetime in the site's zone (UTC in the test stacks). */
export function siteTimeAgo(ms: number): string {
  return new Date(Date.now() - ms).toISOString().replace('T', ' ').slice(0, 19);
}

async function created(answer: Promise<{ status: number; body: Json }>): Promise<void> {
  const { status, body } = await answer;
  if (status !== 200) throw new Error(`setup failed: ${JSON.stringify(body)}`);
}

/**
 * SLA "Incidents 24x7" for tickets of type Incident, on the clock every hour of every day (holiday
 * list "Always" without holidays): a day to respond and two to resolve, whatever the priority.
 * Working time then equals wall-clock time, so tests can state durations exactly.
 */
export async function createRoundTheClockSla(call: ApiCall): Promise<void> {
  await created(
    call('POST', '/api/resource/HD Service Holiday List', {
      holiday_list_name: 'Always',
      from_date: '2020-01-01',
      to_date: '2035-12-31',
    }),
  );
  await created(
    call('POST', '/api/resource/HD Service Level Agreement', {
      service_level: 'Incidents 24x7',
      condition_json: '[["ticket_type","==","Incident"]]',
      holiday_list: 'Always',
      support_and_resolution: EVERY_DAY.map((workday) => ({
        workday,
        start_time: '00:00:00',
        end_time: '24:00:00',
      })),
      priorities: ['Urgent', 'High', 'Medium', 'Low'].map((priority) => ({
        priority,
        response_time: 86_400,
        resolution_time: 172_800,
        default_priority: priority === 'Medium' ? 1 : 0,
      })),
    }),
  );
}
