package dev.iampolicyls.cli;

public final class Main {
  public static void main(String[] args) {
    System.out.println("iam-policy-ls");
  }
}
