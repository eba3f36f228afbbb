// Prints the programme's plan tables for src/programme/README.md (see src/programme/plan-table.ts).
import { HIP_STABILITY_PLAN } from '../src/programme/plan';
import { planTables } from '../src/programme/plan-table';

console.log(planTables(HIP_STABILITY_PLAN));
