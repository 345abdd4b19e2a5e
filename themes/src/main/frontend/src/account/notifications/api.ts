import type { KnownDevice, OwnNotifications } from "../../shared/generated/api";
import { type Context, call } from "../security/api";

export type { KnownDevice, OwnNotifications };

export const getNotifications = (context: Context, signal?: AbortSignal) =>
  call<OwnNotifications>(context, "GET", "/notifications", undefined, signal);

export const chooseNewSignIn = (context: Context, newSignIn: boolean) =>
  call<OwnNotifications>(context, "PUT", "/notifications", { newSignIn });

export const forgetDevice = (context: Context, id: string) =>
  call<void>(context, "DELETE", `/notifications/devices/${encodeURIComponent(id)}`);
