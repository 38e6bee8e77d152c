/** The owner every e2e test sets up through the first-run wizard. */
export const OWNER = {
  branchName: 'Toko Maju Jaya',
  name: 'Siti Rahayu',
  username: 'siti',
  password: 'pemilik-rahasia-1',
};
