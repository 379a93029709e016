// The unit a ban applies to: an IPv4 address, or the /64 prefix of an IPv6 address (one
// household or server gets a whole /64, so banning single v6 addresses would be pointless).

const IPV4 = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/;

function expandIpv6(address: string): string[] | null {
  const [head, tail, extra] = address.toLowerCase().split("::");
  if (extra !== undefined) return null;
  const left = head ? head.split(":") : [];
  const right = tail !== undefined && tail !== "" ? tail.split(":") : [];
  if (tail === undefined && left.length !== 8) return null;
  const missing = 8 - left.length - right.length;
  if (missing < 0 || (tail !== undefined && missing < 1)) return null;
  const groups = [...left, ...Array(tail === undefined ? 0 : missing).fill("0"), ...right];
  if (groups.length !== 8 || !groups.every((g) => /^[0-9a-f]{1,4}$/.test(g))) return null;
  return groups.map((g) => g.padStart(4, "0"));
}

/** "1.2.3.4" → "1.2.3.4"; "2001:db8:1:2:aa::1" or "2001:db8:1:2::/64" → "2001:0db8:0001:0002::/64"; else null. */
export function banNetwork(input: string): string | null {
  const value = input.trim();
  if (IPV4.test(value)) return value;
  const [address, prefix] = value.split("/");
  if (prefix !== undefined && prefix !== "64") return null;
  const groups = expandIpv6(address ?? "");
  return groups ? `${groups.slice(0, 4).join(":")}::/64` : null;
}
