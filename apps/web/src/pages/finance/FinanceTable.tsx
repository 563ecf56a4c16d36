/** The money pages' tables are the app's shared data table. */
export {
  DataTable as FinanceTable,
  type DataColumn as FinanceColumn,
  type DataRow as FinanceRow,
} from "../../components/DataTable";
