import { defineConfig } from 'drizzle-kit';

// Only `drizzle-kit generate` and `check` are used: they need the schema, not a database.
export default defineConfig({
	schema: './src/lib/server/db/schema.ts',
	out: './migrations',
	dialect: 'sqlite',
	verbose: true,
	strict: true
});
