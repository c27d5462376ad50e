import { and, asc, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { cars } from '../../db/schema';
import { isUniqueViolation } from './db-errors';
import { done, failure, success, type Result } from './result';

type Owner = { userId: string };

export async function listCars(db: Executor, { userId }: Owner) {
  return db.select({ id: cars.id, name: cars.name, batteryWh: cars.batteryWh }).from(cars).where(eq(cars.userId, userId)).orderBy(asc(cars.name));
}
export type CarChoice = Awaited<ReturnType<typeof listCars>>[number];

export async function getCar(db: Executor, { userId, carId }: Owner & { carId: string }) {
  const [car] = await db.select({ id: cars.id, batteryWh: cars.batteryWh }).from(cars).where(and(eq(cars.id, carId), eq(cars.userId, userId)));
  return car ?? null;
}

export async function createCar(db: Executor, { userId, name, batteryWh }: Owner & { name: string; batteryWh: number }): Promise<Result<{ id: string }, 'carNameTaken'>> {
  try {
    const [car] = await db.insert(cars).values({ userId, name, batteryWh }).returning({ id: cars.id });
    return success(car!);
  } catch (error) {
    if (isUniqueViolation(error)) return failure('carNameTaken');
    throw error;
  }
}

export async function deleteCar(db: Executor, { userId, carId }: Owner & { carId: string }): Promise<Result<null, 'notFound'>> {
  const deleted = await db.delete(cars).where(and(eq(cars.id, carId), eq(cars.userId, userId))).returning({ id: cars.id });
  return deleted.length > 0 ? done : failure('notFound');
}
