package io.hookwire.contract.operator;

/** A call of the generated client whose outermost path id is left open, for tables of calls. */
@FunctionalInterface
interface CallOnId {

  void on(String id) throws Throwable;
}
