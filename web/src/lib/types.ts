export interface User {
  id: string | number;
  email: string;
  fullName: string;
  bio: string | null;
  avatarUrl: string | null;
  createdAt: string;
}

/** Field name -> human readable message. */
export type FieldErrors = Record<string, string>;
