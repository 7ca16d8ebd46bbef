/** `HD Ticket.agreement_status` (Frappe's blank option is never produced). */
export type AgreementStatus =
  'First Response Due' | 'Resolution Due' | 'Failed' | 'Fulfilled' | 'Paused';

/** The deadlines and milestones `agreement_status` is decided from. */
export interface AgreementMilestones {
  readonly responseBy: Date;
  /** Null when the SLA does not apply to resolution. */
  readonly resolutionBy: Date | null;
  readonly firstRespondedOn: Date | null;
  readonly resolutionDate: Date | null;
  readonly onHoldSince: Date | null;
  readonly applySlaForResolution: boolean;
}

/**
 * `handle_agreement_status` (helpdesk-behaviour §1.8), first matching rule wins: Failed, Paused,
 * First Response Due, Resolution Due, Fulfilled. A deadline is missed only strictly after it,
 * as Frappe compares with `<`. Nothing extends `resolutionBy` while a ticket is on hold, so a
 * paused ticket past it is Failed.
 */
export function agreementStatusAt(milestones: AgreementMilestones, now: Date): AgreementStatus {
  const { firstRespondedOn, resolutionDate, onHoldSince, applySlaForResolution } = milestones;
  if (firstResponseFailed(milestones, now) || resolutionFailed(milestones, now)) return 'Failed';
  if (onHoldSince) return 'Paused';
  if (!firstRespondedOn) return 'First Response Due';
  if (applySlaForResolution && !resolutionDate) return 'Resolution Due';
  return 'Fulfilled';
}

/**
 * The deadline at which the status turns Failed if no further fact arrives: the earliest deadline
 * not yet met (response without a first response, resolution without a resolution date), or null
 * when there is none or the ticket is Failed already. The ticket is Failed from just after it.
 */
export function failsAt(milestones: AgreementMilestones, now: Date): Date | null {
  if (agreementStatusAt(milestones, now) === 'Failed') return null;
  const open = [
    milestones.firstRespondedOn ? null : milestones.responseBy,
    milestones.resolutionDate ? null : milestones.resolutionBy,
  ].filter((deadline): deadline is Date => deadline !== null);
  if (open.length === 0) return null;
  return new Date(Math.min(...open.map((deadline) => deadline.getTime())));
}

function firstResponseFailed({ responseBy, firstRespondedOn }: AgreementMilestones, now: Date) {
  return responseBy < (firstRespondedOn ?? now);
}

function resolutionFailed({ resolutionBy, resolutionDate }: AgreementMilestones, now: Date) {
  return resolutionBy !== null && resolutionBy < (resolutionDate ?? now);
}
