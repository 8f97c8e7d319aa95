import { exerciseSuite } from "./support/exercise-suite";

exerciseSuite("sqlite");
