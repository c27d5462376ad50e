import postgres from 'postgres';

// Direct SQL for arranging what a test cannot reach through the product (a token's age, say).
export function testSql() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set for tests');
  return postgres(url, { max: 2, onnotice: () => {} });
}
