import { describe, expect, it } from "vitest";
import { contains, parseAddress, parseRange, type IpRange } from "./ipRange";

const range = (text: string) => {
  const parsed = parseRange(text);
  if (typeof parsed === "string") throw new Error(`${text}: ${parsed}`);
  return parsed;
};
const address = (text: string) => parseAddress(text) as IpRange;

describe("parseAddress", () => {
  it("reads IPv4 literals", () => {
    expect(parseAddress("10.0.0.1")).toEqual({ v6: false, network: 0x0a000001n, prefix: 32 });
    expect(parseAddress(" 255.255.255.255 ")).toEqual({ v6: false, network: 0xffffffffn, prefix: 32 });
  });

  it("refuses IPv4 look-alikes and host names", () => {
    for (const text of ["256.0.0.1", "10.0.0", "10.0.0.1.2", "010.0.0.1", "10.0.0.-1", "1e1.0.0.1", "", "example.com"]) {
      expect(parseAddress(text), text).toBeUndefined();
    }
  });

  it("reads IPv6 literals, shortened, full and with an IPv4 tail", () => {
    expect(parseAddress("::1")).toEqual({ v6: true, network: 1n, prefix: 128 });
    expect(parseAddress("::")).toEqual({ v6: true, network: 0n, prefix: 128 });
    expect(parseAddress("2001:db8::")?.network).toBe(0x20010db8n << 96n);
    expect(parseAddress("2001:0db8:0000:0000:0000:0000:0000:0001")?.network).toBe((0x20010db8n << 96n) | 1n);
    expect(parseAddress("::ffff:192.0.2.1")?.network).toBe((0xffffn << 32n) | 0xc0000201n);
    expect(parseAddress("FE80::A")?.network).toBe((0xfe80n << 112n) | 0xan);
  });

  it("refuses broken IPv6 literals", () => {
    for (const text of ["1::2::3", "1:2:3:4:5:6:7", "1:2:3:4:5:6:7:8:9", "12345::", "::g", "1:2:3:4:5:6:7::8", "::ffff:300.0.0.1", "[::1]"]) {
      expect(parseAddress(text), text).toBeUndefined();
    }
  });
});

describe("parseRange", () => {
  it("takes a single address as a range of one", () => {
    expect(range("192.168.1.7")).toEqual({ v6: false, network: 0xc0a80107n, prefix: 32 });
  });

  it("takes CIDR ranges up to the address's length", () => {
    expect(range("10.0.0.0/8")).toEqual({ v6: false, network: 0x0a000000n, prefix: 8 });
    expect(range("0.0.0.0/0").prefix).toBe(0);
    expect(range("2001:db8::/32")).toEqual({ v6: true, network: 0x20010db8n << 96n, prefix: 32 });
    expect(range("::1/128").prefix).toBe(128);
  });

  it("says the format is wrong for bad prefixes and extra parts", () => {
    for (const text of ["10.0.0.0/33", "::/129", "10.0.0.0/", "10.0.0.0/-1", "10.0.0.0/8/8", "10.0.0.0/a", "not-an-ip"]) {
      expect(parseRange(text), text).toBe("format");
    }
  });

  it("says so when the range has host bits set, as the server does", () => {
    expect(parseRange("10.0.0.1/24")).toBe("hostBits");
    expect(parseRange("2001:db8::1/64")).toBe("hostBits");
  });
});

describe("contains", () => {
  it("finds addresses inside the range and only those", () => {
    const office = range("10.0.0.0/24");
    expect(contains(office, address("10.0.0.0"))).toBe(true);
    expect(contains(office, address("10.0.0.255"))).toBe(true);
    expect(contains(office, address("10.0.1.0"))).toBe(false);
    expect(contains(range("0.0.0.0/0"), address("203.0.113.9"))).toBe(true);
    expect(contains(range("2001:db8::/32"), address("2001:db8:ffff::1"))).toBe(true);
    expect(contains(range("2001:db8::/32"), address("2001:db9::"))).toBe(false);
  });

  it("never mixes IPv4 and IPv6, not even for a mapped IPv4 address", () => {
    expect(contains(range("0.0.0.0/0"), address("::ffff:10.0.0.1"))).toBe(false);
    expect(contains(range("::/0"), address("10.0.0.1"))).toBe(false);
  });
});
