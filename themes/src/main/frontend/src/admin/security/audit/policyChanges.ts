import type { TFunction } from "i18next";

/** One entry of `policy.updated`'s `details.changes`: a field's old and new value, or the allowlist's edits. */
export type PolicyChange = {
  field: string;
  from?: unknown;
  to?: unknown;
  addedCount?: number;
  removedCount?: number;
};

/** The changes an audit event carries, or none (any other event, or a record without them). */
export function changesOf(details: Record<string, unknown> | null | undefined): PolicyChange[] {
  const changes = details?.changes;
  return Array.isArray(changes)
    ? changes.filter((c): c is PolicyChange => typeof c === "object" && c !== null && typeof (c as PolicyChange).field === "string")
    : [];
}

function value(v: unknown, t: TFunction): string {
  if (v === null || v === undefined) return t("scNone");
  if (typeof v === "boolean") return v ? t("scOn") : t("scOff");
  if (Array.isArray(v)) return v.length === 0 ? t("scNone") : v.map((item) => value(item, t)).join(", ");
  if (typeof v === "object") return JSON.stringify(v);
  return String(v);
}

/**
 * "Minimum length 12 → 14"; the allowlist as "IP allowlist: 2 added, 1 removed". A field without a label of its
 * own (one a newer version added) is shown by its path.
 */
export function describeChange(change: PolicyChange, t: TFunction): string {
  const label = t(`scField_${change.field.replace(/\./g, "_")}`, { defaultValue: change.field });
  if (change.addedCount !== undefined || change.removedCount !== undefined) {
    return t("scChangeAllowlist", { field: label, added: change.addedCount ?? 0, removed: change.removedCount ?? 0 });
  }
  return `${label} ${value(change.from, t)} \u2192 ${value(change.to, t)}`;
}
