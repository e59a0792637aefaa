// Jest globalSetup: the test run gets a temp folder of its own (see temp-folder.ts).
import { setUpTempFolder } from './temp-folder.ts'

export default function globalSetup(): void {
  setUpTempFolder()
}
