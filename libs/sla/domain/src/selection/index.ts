export { chooseSla, type SlaChoiceCandidate } from './choose-sla.js';
