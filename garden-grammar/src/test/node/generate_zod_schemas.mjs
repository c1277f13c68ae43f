// Writes the response_format schemas the Node openai client sends for zod schemas, for garden-grammar's
// realistic-schema tests. Run where `npm install openai zod@3` has been done:
//     node generate_zod_schemas.mjs ../resources/schemas
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { zodResponseFormat } from 'openai/helpers/zod';

const Person = z.object({
  name: z.string(),
  email: z.string().email(),
});

const Task = z.object({
  title: z.string().min(1).max(80),
  priority: z.enum(['low', 'medium', 'high']),
  due: z.string().nullable(),
  estimate_hours: z.number().int().min(1).max(40),
  assignee: Person.nullable(),
  reviewers: z.array(Person).max(2),
  tags: z.array(z.string()).min(1).max(5),
  status: z.object({
    done: z.boolean(),
    note: z.string().nullable(),
  }),
});

const out = process.argv[2];
writeFileSync(join(out, 'zod-task.json'), JSON.stringify(zodResponseFormat(Task, 'task'), null, 2) + '\n');
