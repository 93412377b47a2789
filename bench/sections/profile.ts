export async function profileReceiver(..._a: unknown[]): Promise<void> {}
{
}
