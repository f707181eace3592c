import { isIPv4, isIPv6 } from "node:net";

/**
 * The address a login's failures are counted against: an IPv4 address as is (also when written as
 * an IPv4-mapped IPv6 address), an IPv6 address by its /64 — the block one subscriber gets, in
 * which anyone can pick a new address for every guess.
 */
export function clientAddressKey(ip: string): string {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(ip);
  if (mapped) return mapped[1]!;
  if (isIPv4(ip)) return ip;
  if (isIPv6(ip)) return `${ipv6Groups(ip).slice(0, 4).join(":")}::/64`;
  return ip;
}

/** The eight groups of an IPv6 address, lowercase without leading zeros. */
function ipv6Groups(ip: string): string[] {
  const address = ip.split("%")[0]!;
  const groupsOf = (part: string) =>
    part === ""
      ? []
      : part.split(":").flatMap((group) => {
          if (!group.includes(".")) return [group];
          const [a, b, c, d] = group.split(".").map(Number) as [number, number, number, number];
          return [((a << 8) | b).toString(16), ((c << 8) | d).toString(16)];
        });
  const [head = "", tail] = address.split("::");
  const left = groupsOf(head);
  const right = tail === undefined ? [] : groupsOf(tail);
  const zeros = Array.from({ length: 8 - left.length - right.length }, () => "0");
  return [...left, ...zeros, ...right].map((group) => parseInt(group, 16).toString(16));
}
