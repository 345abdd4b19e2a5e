import type { FieldError as PolicyFieldError } from "./generated/api";

/**
 * A field the server refused and why. The account API's password errors also name the broken rule (a password
 * policy id, `required`, `matches`, `correct`: PasswordRuleViolation); the admin API's do not.
 */
export type FieldError = PolicyFieldError & { rule?: string };

/** An answer other than 2xx: the status and, for a 400 or 409, which field broke which rule. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly errors: FieldError[],
    /** A machine-readable reason, e.g. `reauthentication_required` when the sign-in is too old. */
    readonly error?: string,
  ) {
    super(errors.map((e) => `${e.field}: ${e.message}`).join("; ") || `HTTP ${status}`);
  }

  /** The error of a failed response, with the API's field errors when its body holds them. */
  static async of(response: Response): Promise<ApiError> {
    const payload: unknown = await response.json().catch(() => undefined);
    const body = payload as { errors?: unknown; error?: unknown } | undefined;
    return new ApiError(
      response.status,
      Array.isArray(body?.errors) ? (body.errors as FieldError[]) : [],
      typeof body?.error === "string" ? body.error : undefined,
    );
  }
}
