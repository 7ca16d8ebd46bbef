export * from './service-holiday-list.document.js';
export * from './service-holiday-list.commands.js';
export * from './service-holiday-list.events.js';
export * from './service-holiday-list.state.js';
export { decideServiceHolidayList } from './service-holiday-list.decide.js';
export { weeklyOffDates } from './weekly-off-dates.js';
export { seededDefaultHolidayList } from './seeded-default-holiday-list.js';
