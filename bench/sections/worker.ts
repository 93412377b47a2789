export async function benchWorker(..._a: unknown[]): Promise<never[]> {
  return [];
}
{
}
