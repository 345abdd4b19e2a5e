/**
 * IP literals and CIDR ranges as the allowlist accepts them (IPv4, IPv4 CIDR, IPv6, IPv6 CIDR; no
 * host names). The server validates again on preview and save; this lets the console point at the
 * bad line of a pasted list and answer "is this address on the list?" without a round trip.
 */
export type IpRange = { v6: boolean; network: bigint; prefix: number };

export type ParseProblem = "format" | "hostBits";

function parseV4(text: string): bigint | undefined {
  const parts = text.split(".");
  if (parts.length !== 4) return undefined;
  let value = 0n;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part) || Number(part) > 255 || (part.length > 1 && part[0] === "0")) {
      return undefined;
    }
    value = (value << 8n) | BigInt(part);
  }
  return value;
}

function parseV6(text: string): bigint | undefined {
  if (!/^[0-9a-fA-F:.]+$/.test(text) || text.split("::").length > 2) return undefined;
  let tail = text;
  let v4Tail: bigint | undefined;
  const lastColon = text.lastIndexOf(":");
  if (text.slice(lastColon + 1).includes(".")) {
    v4Tail = parseV4(text.slice(lastColon + 1));
    if (v4Tail === undefined) return undefined;
    tail = text.slice(0, lastColon + 1) + "0:0";
  }
  const [head, rest] = tail.split("::");
  const headGroups = head === "" ? [] : head.split(":");
  const restGroups = rest === undefined || rest === "" ? [] : rest.split(":");
  const missing = 8 - headGroups.length - restGroups.length;
  if (rest === undefined ? missing !== 0 : missing < 1) return undefined;
  const groups = [...headGroups, ...Array(rest === undefined ? 0 : missing).fill("0"), ...restGroups];
  let value = 0n;
  for (const group of groups) {
    if (!/^[0-9a-fA-F]{1,4}$/.test(group)) return undefined;
    value = (value << 16n) | BigInt(parseInt(group, 16));
  }
  if (v4Tail !== undefined) value = (value & ~0xffffffffn) | v4Tail;
  return value;
}

export function parseAddress(text: string): IpRange | undefined {
  const trimmed = text.trim();
  const v4 = parseV4(trimmed);
  if (v4 !== undefined) return { v6: false, network: v4, prefix: 32 };
  const v6 = parseV6(trimmed);
  return v6 === undefined ? undefined : { v6: true, network: v6, prefix: 128 };
}

export function parseRange(text: string): IpRange | ParseProblem {
  const [address, prefixText, extra] = text.trim().split("/");
  const parsed = parseAddress(address ?? "");
  if (!parsed || extra !== undefined) return "format";
  if (prefixText === undefined) return parsed;
  const max = parsed.v6 ? 128 : 32;
  if (!/^\d{1,3}$/.test(prefixText) || Number(prefixText) > max) return "format";
  const prefix = Number(prefixText);
  const hostMask = (1n << BigInt(max - prefix)) - 1n;
  if ((parsed.network & hostMask) !== 0n) return "hostBits";
  return { ...parsed, prefix };
}

export function contains(range: IpRange, address: IpRange): boolean {
  if (range.v6 !== address.v6) return false;
  const bits = BigInt((range.v6 ? 128 : 32) - range.prefix);
  return address.network >> bits === range.network >> bits;
}
