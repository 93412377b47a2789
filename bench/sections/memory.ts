export async function benchMemory(..._a: unknown[]): Promise<never[]> {
  return [];
}
{
}
