import type { ServiceLevelAgreementValues } from './service-level-agreement.document.js';
import { SlaDocumentViolation } from './sla-document-violation.js';

type DefaultFields = Pick<ServiceLevelAgreementValues, 'service_level' | 'default_sla' | 'enabled'>;

/** What saving does to the default: the SLA that stops being it, and the notice shown. */
export interface DefaultHandover {
  demote: string | null;
  messages: string[];
}

/**
 * `validate_default_sla`: one SLA is always the default. Becoming it takes the mark from the
 * previous default (returned, for the application to demote in the same transaction); saving
 * a non-default while none other exists is refused, and so is disabling the default.
 * `previous` is the SLA before this save, null when it is new.
 */
export function handOverDefault(
  next: DefaultFields,
  previous: DefaultFields | null,
  otherDefaultSla: string | null,
): DefaultHandover {
  if (!next.default_sla && otherDefaultSla === null) {
    throw SlaDocumentViolation.invalid(
      'You must set one SLA as Default. Please check the Default SLA option.',
      ['default_sla'],
    );
  }
  const enabledChanged = previous === null || previous.enabled !== next.enabled;
  if (next.default_sla && !next.enabled && enabledChanged) {
    throw SlaDocumentViolation.invalid('You cannot disable the default SLA.', ['enabled']);
  }
  if (!next.default_sla || otherDefaultSla === null) return { demote: null, messages: [] };
  return {
    demote: otherDefaultSla,
    messages: [
      `Setting <strong>${next.service_level}</strong> as the default SLA removes <strong>${otherDefaultSla}</strong> as the default SLA. You’ll need to add a condition in <strong>${otherDefaultSla}</strong> for the SLA to work.`,
    ],
  };
}

/** `on_trash`: the only default SLA cannot go. */
export function checkDefaultDeletable(
  agreement: Pick<ServiceLevelAgreementValues, 'default_sla'>,
  otherDefaultSla: string | null,
): void {
  if (agreement.default_sla && otherDefaultSla === null) {
    throw SlaDocumentViolation.invalid(
      'Cannot delete the default SLA. At least one SLA must be marked as default.',
    );
  }
}
