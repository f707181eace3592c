import { defineConfig } from "drizzle-kit";

export default defineConfig({
  dialect: "postgresql",
  schema: "./db/central/schema/index.ts",
  out: "./db/central/migrations",
  casing: "snake_case",
});
