export interface ProjectDoc {
  slug: string;
  name: string;
  /** 0 = no project-wide quota. */
  quotaBytes: number;
  createdAt: string;
  updatedAt: string;
  version: number;
}
