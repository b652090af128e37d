// Issue #13: an account holds a set of roles (one office may both edit and review), and an admin
// can reset a password to a temporary one that must be changed at the next sign-in. Every user
// keeps the one role they had; the old column goes, so nothing reads a stale single role.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('user_role')
    .addColumn('user_id', 'integer', (col) => col.notNull().references('app_user.id').onDelete('cascade'))
    .addColumn('role', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('user_role_pk', ['user_id', 'role'])
    .execute();
  await sql`insert into user_role (user_id, role) select id, role from app_user`.execute(db);
  await db.schema.alterTable('app_user').dropColumn('role').execute();
  // 1 after an admin's reset, until the user chooses their own password.
  await db.schema
    .alterTable('app_user')
    .addColumn('must_change_password', 'integer', (col) => col.notNull().defaultTo(0))
    .execute();
}
