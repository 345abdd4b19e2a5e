import { defineConfig } from "vitest/config";

// Unit tests of the consoles' pure logic (the *.test.ts files under src), run by the Maven build's test phase.
export default defineConfig({
  test: {
    include: ["src/**/*.test.ts"],
    environment: "node",
  },
});
