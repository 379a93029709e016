import { describe, expect, it } from "vitest";
import { banNetwork } from "../../worker/abuse/networks";

describe("banNetwork", () => {
  it.each([
    ["203.0.113.9", "203.0.113.9"],
    ["2001:db8:1:2:aa::1", "2001:0db8:0001:0002::/64"],
    ["2001:DB8:1:2::/64", "2001:0db8:0001:0002::/64"],
    ["::1", "0000:0000:0000:0000::/64"],
    ["2001:db8:1:2:3:4:5:6", "2001:0db8:0001:0002::/64"],
  ])("%s → %s", (input, expected) => expect(banNetwork(input)).toBe(expected));

  it.each(["256.1.1.1", "1.2.3", "2001:db8::1::2", "2001:db8:1:2::/48", "example.org", "1.2.3.4/24", "gggg::1"])("refuses %s", (input) =>
    expect(banNetwork(input)).toBeNull(),
  );
});
